// The package version, read from package.json at run time (core/package-info.ts), never copied into the bundle.
export { PACKAGE_VERSION as VERSION } from '../core/package-info.js';
