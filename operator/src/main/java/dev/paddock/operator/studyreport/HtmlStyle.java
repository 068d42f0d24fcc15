package dev.paddock.operator.studyreport;

/** The report's inline stylesheet (no external fonts or resources). */
final class HtmlStyle {
  static final String CSS =
      """
      :root { color-scheme: light; }
      * { box-sizing: border-box; }
      body { margin: 0; background: #f5f7fa; color: #1f2933;
             font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
      main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 48px; }
      h1 { font-size: 26px; margin: 0 0 4px; }
      h2 { font-size: 19px; margin: 0 0 12px; }
      .subtitle { color: #616e7c; margin: 0 0 20px; }
      section { background: #fff; border: 1px solid #e4e7eb; border-radius: 8px;
                padding: 18px 22px; margin: 0 0 18px; overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
      th, td { padding: 6px 10px; border-bottom: 1px solid #e4e7eb; text-align: left;
               vertical-align: top; }
      th { background: #f5f7fa; font-weight: 600; white-space: nowrap; }
      td.num, th.num { text-align: right; white-space: nowrap; }
      table.facts { width: auto; }
      table.facts th { background: none; color: #616e7c; font-weight: 500; padding-left: 0; }
      tr.best td { background: #fffbea; }
      .grade { display: inline-block; min-width: 22px; padding: 0 6px; border-radius: 4px;
               color: #fff; font-weight: 700; text-align: center; }
      .state { font-size: 12px; padding: 1px 7px; border-radius: 10px; background: #e4e7eb; }
      .state-Succeeded { background: #dceefb; color: #0b4f8a; }
      .state-Pruned { background: #ffe8d9; color: #9c4221; }
      .state-Failed { background: #ffe3e3; color: #a61b1b; }
      .row { display: flex; gap: 24px; flex-wrap: wrap; align-items: flex-start; }
      .row > * { flex: 1 1 320px; }
      .method { color: #52606d; font-size: 13px; margin: 12px 0 0; }
      .bar { height: 10px; background: #4e79a7; border-radius: 3px; display: inline-block; }
      figure { margin: 0 0 14px; }
      figure svg { max-width: 100%; height: auto; }
      code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
             font-size: 12.5px; }
      footer { color: #9aa5b1; font-size: 12px; text-align: center; }
      """;

  private HtmlStyle() {}
}
