/**
 * <millflow-echart>: any Apache ECharts option, given as JSON (no functions: use string templates such as
 * '{b}: {c}' for formatters).
 *
 * Properties: option (object), revision (bumped by the server on every setOption, so an equal option redraws).
 * Each option replaces the previous one (notMerge). The chart follows the element's size (ResizeObserver).
 * Series types registered: line, bar, pie, scatter, heatmap, gauge, funnel, boxplot, radar, sankey, treemap,
 * custom; components: title, legend, tooltip, grid, dataset, transform, dataZoom, visualMap, markLine/Point/Area,
 * toolbox, calendar, aria, graphic (see the imports below).
 *
 * Sets data-rendered="true" and data-series="<n>" after drawing; an option ECharts refuses sets data-rendered="false"
 * and data-error. A click on a data item fires 'millflow-echart-click' {seriesName, name, dataIndex, value (JSON)}.
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ECharts } from 'echarts/core';

// ECharts is loaded on first use (millflow-echart-lib.ts), so pages without a chart do not download it.
let library: Promise<typeof import('./millflow-echart-lib')> | undefined;
function loadECharts() {
  library ??= import('./millflow-echart-lib');
  return library;
}

@customElement('millflow-echart')
export class MillflowEChart extends LitElement {
  static styles = css`
    :host { display: block; position: relative; width: 100%; min-height: 240px; }
    .chart { position: absolute; inset: 0; }
  `;

  @property({ attribute: false }) option: Record<string, unknown> | null = null;
  @property({ type: Number }) revision = 0;

  private chart?: ECharts;
  private lib?: Awaited<ReturnType<typeof loadECharts>>;
  private readonly resizeObserver = new ResizeObserver(() => this.chart?.resize());

  render() {
    return html`<div class="chart"></div>`;
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver.observe(this);
    if (this.hasUpdated) {
      this.requestUpdate(); // re-attached after a detach disposed the chart: draw again
    }
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  protected updated(_changed: PropertyValues): void {
    const container = this.renderRoot.querySelector<HTMLDivElement>('.chart');
    if (!container) {
      return;
    }
    if (!this.lib) {
      this.removeAttribute('data-rendered');
      void loadECharts().then((lib) => {
        this.lib = lib;
        this.requestUpdate();
      });
      return;
    }
    if (!this.chart) {
      this.chart = this.lib.echarts.init(container);
      this.chart.on('click', (params: unknown) => {
        const p = params as { seriesName?: string; name?: string; dataIndex?: number; value?: unknown };
        this.dispatchEvent(new CustomEvent('millflow-echart-click', {
          detail: {
            seriesName: p.seriesName ?? '',
            name: p.name ?? '',
            dataIndex: typeof p.dataIndex === 'number' ? p.dataIndex : -1,
            value: JSON.stringify(p.value ?? null),
          },
        }));
      });
    }
    const option = this.option && typeof this.option === 'object' ? { ...this.option } : {};
    if (!('aria' in option)) {
      option.aria = { enabled: true };
    }
    try {
      this.chart.setOption(option, { notMerge: true });
      const series = option.series;
      this.setAttribute('data-series', String(Array.isArray(series) ? series.length : series ? 1 : 0));
      this.removeAttribute('data-error');
      this.setAttribute('data-rendered', 'true');
    } catch (err) {
      this.setAttribute('data-error', err instanceof Error ? err.message : String(err));
      this.setAttribute('data-rendered', 'false');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'millflow-echart': MillflowEChart;
  }
}
