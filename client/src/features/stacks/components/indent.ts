/** A nested row steps right by its depth (Heat nests 5 levels by default): literal classes, for Tailwind to find. */
const indents = ['', 'pl-5', 'pl-10', 'pl-15', 'pl-20', 'pl-25'];

export const indentClass = (depth: number) => indents[Math.min(depth, indents.length - 1)];
