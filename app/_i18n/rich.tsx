import { Fragment, type ReactNode } from 'react';

/**
 * Puts elements (links, times) into a translated sentence at its `{name}`
 * placeholders, so each language keeps its own word order: pass the text from
 * t() with those placeholders left unfilled.
 */
export function rich(text: string, nodes: Record<string, ReactNode>): ReactNode {
  return text.split(/(\{\w+\})/).map((part, index) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    return <Fragment key={index}>{name && name in nodes ? nodes[name] : part}</Fragment>;
  });
}
