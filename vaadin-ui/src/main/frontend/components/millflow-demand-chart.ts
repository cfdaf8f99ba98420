/**
 * <millflow-demand-chart>: an item's daily demand in one warehouse (bars), the forecast per day after today
 * (dashed line), and on a second axis the stock on hand (step line) with the reorder point and the safety stock
 * (horizontal lines). Apache ECharts.
 * Properties: history and forecast ({day: 'yyyy-mm-dd', quantity: number}[]), stock ({day, onHand}[]),
 * reorderPoint, safetyStock, unit. Sets data-rendered="true" and data-history="<n>" once drawn.
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent,
  DataZoomComponent, CanvasRenderer]);

export interface DemandPoint {
  day: string;
  quantity: number;
}

export interface StockPoint {
  day: string;
  onHand: number;
}

@customElement('millflow-demand-chart')
export class MillflowDemandChart extends LitElement {
  static styles = css`
    :host { display: block; position: relative; width: 100%; min-height: 260px; }
    .chart { position: absolute; inset: 0; }
  `;

  @property({ attribute: false }) history: DemandPoint[] = [];
  @property({ attribute: false }) forecast: DemandPoint[] = [];
  @property({ attribute: false }) stock: StockPoint[] = [];
  @property({ type: Number }) reorderPoint = 0;
  @property({ type: Number }) safetyStock = 0;
  @property() unit = '';

  private chart?: echarts.ECharts;
  private readonly resizeObserver = new ResizeObserver(() => this.chart?.resize());

  render() {
    return html`<div class="chart"></div>`;
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
    const history = Array.isArray(this.history) ? this.history : [];
    const forecast = Array.isArray(this.forecast) ? this.forecast : [];
    const stock = Array.isArray(this.stock) ? this.stock : [];
    const level = (name: string, value: number, color: string) => ({
      name,
      yAxis: Number(value),
      lineStyle: { color, type: 'dashed' },
      label: { formatter: `${name} {c}`, position: 'insideEndTop' },
    });
    this.chart.setOption(
      {
        animation: false,
        grid: { left: 56, right: 64, top: 40, bottom: 40 },
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        xAxis: { type: 'time' },
        yAxis: [
          { type: 'value', name: `demand/day ${this.unit}`, min: 0 },
          { type: 'value', name: `stock ${this.unit}`, min: 0, splitLine: { show: false } },
        ],
        dataZoom: [{ type: 'inside' }],
        series: [
          {
            name: 'Demand',
            type: 'bar',
            barMaxWidth: 6,
            data: history.map((p) => [p.day, Number(p.quantity)]),
          },
          {
            name: 'Forecast',
            type: 'line',
            showSymbol: false,
            lineStyle: { type: 'dashed' },
            data: forecast.map((p) => [p.day, Number(p.quantity)]),
          },
          {
            name: 'On hand',
            type: 'line',
            step: 'end',
            yAxisIndex: 1,
            showSymbol: false,
            areaStyle: { opacity: 0.08 },
            data: stock.map((p) => [p.day, Number(p.onHand)]),
            markLine: {
              symbol: 'none',
              data: [
                level('Reorder point', Math.round(this.reorderPoint * 10) / 10, '#c0392b'),
                level('Safety stock', Math.round(this.safetyStock * 10) / 10, '#e67e22'),
              ],
            },
          },
        ],
      },
      true,
    );
    this.setAttribute('data-history', String(history.length));
    this.setAttribute('data-rendered', 'true');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'millflow-demand-chart': MillflowDemandChart;
  }
}
