// Tests of the frontmatter-missing rule: a file selected as an SOP without a frontmatter block.
import { ruleTester } from '../rule-tester.js';
import { sop } from '../sop-text.js';

ruleTester('frontmatter-missing', {
  valid: [sop(), { name: 'BOM before the fence', code: `\uFEFF${sop()}` }],
  invalid: [
    { name: 'plain Markdown', code: '# Catatan rapat\n\nBukan SOP.\n', errors: [{ messageId: 'problem', line: 1, column: 1, message: /tidak diawali frontmatter YAML/ }] },
    { name: 'empty file', code: '', lang: 'en', errors: [{ line: 1, column: 1, message: 'this file was selected as an SOP but does not start with a YAML frontmatter (`---` line)' }] },
    { name: 'fence not on the first line', code: `\n${sop()}`, errors: [{ line: 1, column: 1 }] },
  ],
});
