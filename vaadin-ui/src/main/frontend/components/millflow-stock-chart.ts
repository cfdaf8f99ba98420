/**
 * <millflow-stock-chart>: an item's on-hand quantity over time as a step line (Apache ECharts).
 * Properties: points ({day: 'yyyy-mm-dd', onHand: number}[], end-of-day values) and unit.
 * Sets data-rendered="true" and data-points="<n>" once drawn.
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, TooltipComponent, DataZoomComponent, CanvasRenderer]);

export interface StockPoint {
  day: string;
  onHand: number;
}

@customElement('millflow-stock-chart')
export class MillflowStockChart extends LitElement {
  static styles = css`
    :host { display: block; position: relative; width: 100%; min-height: 220px; }
    .chart { position: absolute; inset: 0; }
    .empty { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center;
      margin: 0; color: var(--lumo-secondary-text-color, #666); }
    .empty[hidden] { display: none; }
  `;

  @property({ attribute: false }) points: StockPoint[] = [];
  @property() unit = '';

  private chart?: echarts.ECharts;
  private readonly resizeObserver = new ResizeObserver(() => this.chart?.resize());

  render() {
    return html`<div class="chart"></div><p class="empty" ?hidden=${this.points.length > 0}>No stock moves yet</p>`;
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver.observe(this);
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
    this.chart ??= echarts.init(container);
    const points = Array.isArray(this.points) ? this.points : [];
    this.chart.setOption(
      {
        animation: false,
        grid: { left: 56, right: 24, top: 32, bottom: 32 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'time' },
        yAxis: { type: 'value', name: this.unit, min: 0 },
        dataZoom: [{ type: 'inside' }],
        series: [
          {
            name: 'On hand',
            type: 'line',
            step: 'end',
            showSymbol: points.length < 60,
            areaStyle: { opacity: 0.15 },
            data: points.map((p) => [p.day, Number(p.onHand)]),
          },
        ],
      },
      true,
    );
    this.setAttribute('data-points', String(points.length));
    this.setAttribute('data-rendered', 'true');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'millflow-stock-chart': MillflowStockChart;
  }
}
