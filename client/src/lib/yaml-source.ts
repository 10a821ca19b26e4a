// A YAML text parsed for an editor: the document, its syntax errors with where they are (offsets for the editor's
// underline, 1-based line and column for people), and the way from any offset to its line and column. Every YAML
// editor of Zenith (cloud-init user data, Heat templates) reports positions the same way.
import { LineCounter, parseDocument, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

export interface SourcePosition {
  line: number;
  column: number;
}

export interface YamlSyntaxError extends SourcePosition {
  from: number;
  to: number;
  /** The parser's message without its own position and copy of the line: the editor shows both. */
  detail: string;
}

export interface YamlSource {
  document: Document;
  errors: YamlSyntaxError[];
  position: (offset: number) => SourcePosition;
}

export function parseYamlSource(text: string, options: ParseOptions & DocumentOptions & SchemaOptions = {}): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { ...options, lineCounter, prettyErrors: false });
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const errors = document.errors.map((error) => ({
    from: error.pos[0],
    to: Math.max(error.pos[1], error.pos[0]),
    ...position(error.pos[0]),
    detail: error.message.split('\n', 1)[0]!.replace(/ at line \d+, column \d+:?$/, ''),
  }));
  return { document, errors, position };
}
