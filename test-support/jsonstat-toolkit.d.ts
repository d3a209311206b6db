// The few parts of jsonstat-toolkit (no bundled types) that the export test uses.
declare module 'jsonstat-toolkit' {
  type Cell = { value: number | null; status: string | null } | null;
  type Dataset = {
    class: string;
    Data(query: Record<string, string>): Cell;
    Dimension(id: string): { label: string; Category(code: string): { label: string } };
  };
  export default function JSONstat(input: object): Dataset;
}
