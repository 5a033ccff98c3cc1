import { init, use, type EChartsType } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportChartOption } from './report-charts';

/*
 * ECharts with only what the report's charts use (src/reports/report-charts.ts), so a bundle
 * tree-shakes the rest. SVG renderer for both: the console draws crisp at any zoom, and the server
 * renders the same option to an SVG string for the PDF (ECharts' SSR mode, no DOM).
 */
use([BarChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, SVGRenderer]);

/** Draws into an element (the console); the caller disposes of the chart when its element goes. */
export function drawReportChart(element: HTMLElement, option: ReportChartOption): EChartsType {
  const chart = init(element, null, { renderer: 'svg' });
  chart.setOption(option);
  return chart;
}

/** One chart as an SVG document, on the server (the PDF) or in a test: no DOM needed. */
export function reportChartSvg(option: ReportChartOption, width: number, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
