'use client';

import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { lettersToJSON } from '@/lib/plan/doc-json';
import type { LetterField } from '@/lib/plan/schema';

/** One letter's text as the tone checker reads it, following the document as it changes. */
export function useLetterText(doc: Y.Doc | null, letter: LetterField): string {
  const [read, setRead] = useState<{ doc: Y.Doc | null; text: string }>({ doc: null, text: '' });
  useEffect(() => {
    if (!doc) return;
    const update = () => setRead({ doc, text: lettersToJSON(doc)[letter] });
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
  }, [doc, letter]);
  return read.doc === doc ? read.text : '';
}
