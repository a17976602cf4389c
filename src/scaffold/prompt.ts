// The questions interface `sop new` and `sop init` ask through; the real one loads @inquirer/prompts on first use.

export type Validate = (value: string) => true | string | Promise<true | string>;

export interface InputQuestion {
  /** Stable key of the question (tests answer by it, whatever the language of the message). */
  name: string;
  message: string;
  default?: string;
  validate?: Validate;
}

export interface SelectQuestion<T extends string> {
  name: string;
  message: string;
  choices: Array<{ value: T; name: string; description?: string }>;
  default?: T;
}

export interface ConfirmQuestion {
  name: string;
  message: string;
  default?: boolean;
}

/** Asks one question at a time and resolves with the answer. */
export interface Prompter {
  input(q: InputQuestion): Promise<string>;
  select<T extends string>(q: SelectQuestion<T>): Promise<T>;
  confirm(q: ConfirmQuestion): Promise<boolean>;
}

/** True for the error @inquirer/prompts throws when the user presses Ctrl+C. */
export function isPromptCancelled(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError');
}

/** Terminal prompts; @inquirer/prompts is imported only when the first question is asked. */
export function inquirerPrompter(lang: 'id' | 'en' = 'id'): Prompter {
  const lib = () => import('@inquirer/prompts');
  // inquirer's own words are English; civil servants get the key hints and answers in Indonesian
  const id = lang === 'id';
  return {
    async input(q) {
      const { input } = await lib();
      return input({ message: q.message, default: q.default, validate: q.validate });
    },
    async select<T extends string>(q: SelectQuestion<T>): Promise<T> {
      const { select } = await lib();
      return select<T>({
        message: q.message,
        choices: q.choices,
        default: q.default,
        ...(id ? { instructions: { navigation: '↑↓ pilih • ⏎ setuju', pager: '↑↓ pilih • ⏎ setuju (gulir untuk pilihan lain)' } } : {}),
      });
    },
    async confirm(q) {
      const { confirm } = await lib();
      return confirm({ message: q.message, default: q.default, ...(id ? { transformer: (yes: boolean) => (yes ? 'Ya' : 'Tidak') } : {}) });
    },
  };
}
