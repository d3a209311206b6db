/** The content type to send a chosen file as: JSON by its name or type, CSV likewise; null for anything else. */
export function importContentType(file: { name: string; type: string }): 'text/csv' | 'application/json' | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json') || file.type === 'application/json') return 'application/json';
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'text/csv';
  return null;
}

