import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type * as Plot from '@observablehq/plot';

export type PlotModule = typeof Plot;
export type RenderPlot = (Plot: PlotModule) => SVGSVGElement | HTMLElement;

// Observable Plot (with the d3 parts it uses) is loaded on the first chart only, as its own chunk.
let plotModule: Promise<PlotModule> | null = null;
function loadPlot(): Promise<PlotModule> {
  plotModule ??= import('@observablehq/plot').catch((error: unknown) => {
    plotModule = null; // let a later chart try again
    throw error;
  });
  return plotModule;
}

/**
 * Makes Plot's output fit the page's strict CSP and its accessibility model. Plot adds a <style>
 * element, which `style-src 'self'` refuses (styles.css has the same rules under `.ind-plot`): it is
 * removed while the chart is still detached, before the browser checks it. Plot's aria labels on
 * inner groups go too: the chart is one image, named by its visible title and text summary.
 */
export function prepareChart(node: SVGSVGElement | HTMLElement, labelledBy: string): SVGSVGElement | HTMLElement {
  for (const style of node.querySelectorAll('style')) style.remove();
  for (const element of node.querySelectorAll('[aria-label], [aria-description]')) {
    element.removeAttribute('aria-label');
    element.removeAttribute('aria-description');
  }
  const svg = node instanceof SVGSVGElement ? node : node.querySelector('svg');
  if (svg) {
    svg.removeAttribute('aria-label');
    svg.removeAttribute('aria-description');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-labelledby', labelledBy);
    svg.setAttribute('focusable', 'false');
  }
  return node;
}

/**
 * A chart drawn by Observable Plot. `render` must be stable (useCallback) or the chart redraws on
 * every render. While the library loads, and if it fails, the text summary and table still say it all.
 */
export function PlotChart({ render, labelledBy, className }: { render: RenderPlot; labelledBy: string; className?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');

  useEffect(() => {
    let live = true;
    loadPlot().then(
      (Plot) => {
        if (!live || !ref.current) return;
        try {
          ref.current.replaceChildren(prepareChart(render(Plot), labelledBy));
          setState('ready');
        } catch (error) {
          console.error(error); // a drawing bug: the text summary and the table still stand
          ref.current.replaceChildren();
          setState('error');
        }
      },
      () => live && setState('error'),
    );
    return () => {
      live = false;
    };
  }, [render, labelledBy]);

  return (
    <>
      {state !== 'ready' && (
        <p className="muted" role={state === 'error' ? 'alert' : undefined}>
          {state === 'loading' ? t('indicators.chart.loading') : t('indicators.chart.failed')}
        </p>
      )}
      <div ref={ref} className={className ? `ind-chart ${className}` : 'ind-chart'} />
    </>
  );
}
