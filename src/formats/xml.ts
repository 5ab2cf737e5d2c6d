// A minimal XML tree and serializer for the XML formats (QTI 3.0 / 2.1, Moodle XML, manifests).
// Text and attribute values always go through escapeXml, so no caller can emit raw markup.
import { escapeXml } from './text';

/** An XML element: a name, attributes (undefined ones are left out) and children. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly children: readonly XmlNode[];
}

/** A child: an element, or text (escaped on output). */
export type XmlNode = XmlElement | string;

/**
 * Creates an element.
 *
 * @param name The element name.
 * @param attrs Attributes; `undefined` values are dropped.
 * @param children Child elements and texts; `null`/`false` entries are dropped.
 * @returns The element.
 */
export function el(name: string, attrs: XmlElement['attrs'] = {}, ...children: (XmlNode | null | false | readonly XmlNode[])[]): XmlElement {
  const flat: XmlNode[] = [];
  for (const c of children) {
    if (c === null || c === false) continue;
    if (Array.isArray(c)) flat.push(...(c as XmlNode[]));
    else flat.push(c as XmlNode);
  }
  return { name, attrs, children: flat };
}

/** How element and attribute names are written. */
export interface XmlDialect {
  readonly element: (name: string) => string | null;
  readonly attribute: (element: string, name: string) => string;
}

/** Names as given. */
export const AS_IS: XmlDialect = { element: (n) => n, attribute: (_e, n) => n };

function serialize(node: XmlNode, dialect: XmlDialect, indent: string, out: string[]): void {
  if (typeof node === 'string') {
    out.push(escapeXml(node));
    return;
  }
  const name = dialect.element(node.name);
  // A null name unwraps the element (e.g. QTI 3's qti-content-body in QTI 2.1).
  if (name === null) {
    for (const c of node.children) serialize(c, dialect, indent, out);
    return;
  }
  let open = `<${name}`;
  for (const [k, v] of Object.entries(node.attrs)) {
    if (v === undefined) continue;
    open += ` ${dialect.attribute(node.name, k)}="${escapeXml(String(v))}"`;
  }
  if (node.children.length === 0) {
    out.push(`${open}/>`);
    return;
  }
  out.push(`${open}>`);
  // Indent only element-only content: whitespace added to mixed content would change the text.
  const pretty = node.children.every((c) => typeof c !== 'string' && dialect.element(c.name) !== null);
  for (const c of node.children) {
    if (pretty) out.push(`\n${indent}  `);
    serialize(c, dialect, `${indent}  `, out);
  }
  if (pretty) out.push(`\n${indent}`);
  out.push(`</${name}>`);
}

/**
 * Serializes a document: the XML declaration and the root element.
 *
 * @param root The root element.
 * @param dialect How to write names (default: as given).
 * @returns UTF-8 XML text ending in a newline.
 */
export function toXml(root: XmlElement, dialect: XmlDialect = AS_IS): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  serialize(root, dialect, '', out);
  out.push('\n');
  return out.join('');
}

