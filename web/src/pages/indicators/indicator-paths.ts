/** Paths of the indicator pages (the routes are in route-paths.ts). */
export const indicatorsPath = '/indicators';
export const indicatorPath = (id: string) => `/indicators/${encodeURIComponent(id)}`;
export const rankingPath = (id: string, year?: number) => `/indicators/${encodeURIComponent(id)}/ranking${year ? `?year=${year}` : ''}`;
