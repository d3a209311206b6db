import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';

/**
 * The offer as schema.org Course JSON-LD, from the API's own export. A `<script type=
 * "application/ld+json">` is a data block: browsers never run it, so the CSP's script-src does not
 * apply to it (checked in e2e/catalog.e2e.ts). `<` is escaped so the text can never end the element.
 */
export function OfferJsonLd({ id }: { id: string }) {
  const [json, setJson] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.get<Record<string, unknown>>(`/api/v1/catalog/offers/${encodeURIComponent(id)}/jsonld`).then(
      (doc) => live && setJson(JSON.stringify(doc).replace(/</g, '\\u003c')),
      () => live && setJson(null),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return (
    <>
      <link rel="alternate" type="application/ld+json" href={`/api/v1/catalog/offers/${encodeURIComponent(id)}/jsonld`} />
      {json && <script type="application/ld+json" id="offer-jsonld">{json}</script>}
    </>
  );
}
