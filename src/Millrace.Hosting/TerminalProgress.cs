using System.Diagnostics;
using System.Globalization;

namespace Millrace.Hosting;

/// <summary>
/// A live progress display for an interactive terminal: one line per step (waiting, running with its progress,
/// or how it ended), redrawn in place with ANSI cursor movement. Progress reports are throttled to ten redraws a
/// second; state changes redraw at once.
/// </summary>
internal sealed class TerminalProgress(TextWriter writer) : IRunObserver
{
    private static readonly long Throttle = Stopwatch.Frequency / 10;
    private readonly Lock _gate = new();
    private readonly List<Line> _lines = [];
    private int _drawn;
    private long _lastDraw;

    public void RunStarted(string runId, PipelineGraph graph, IReadOnlyList<PipelineNode> steps)
    {
        lock (_gate)
        {
            writer.WriteLine($"Run {runId} of {graph.Name}");
            _lines.AddRange(steps.Select(s => new Line(s.Name)));
            Draw();
        }
    }

    public void NodeStarted(PipelineNode node, int attempt) => Update(node, line =>
    {
        (line.State, line.Detail, line.Clock) = ("running", attempt > 1 ? $"attempt {attempt}" : "", Stopwatch.StartNew());
    }, force: true);

    public void NodeProgress(PipelineNode node, ComponentProgress progress) => Update(node, line =>
    {
        var percent = progress.Fraction is { } f ? (f * 100).ToString("0", CultureInfo.InvariantCulture) + "% " : "";
        line.Detail = percent + progress.Message;
    }, force: false);

    public void NodeFinished(PipelineNode node, NodeResult result) => Update(node, line =>
    {
        line.State = result.Outcome.ToString().ToLowerInvariant();
        line.Detail = result.Message ?? result.Duration.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture);
        line.Clock = null;
    }, force: true);

    public void RunFinished(RunResult result)
    {
        lock (_gate) Draw();
    }

    private void Update(PipelineNode node, Action<Line> change, bool force)
    {
        lock (_gate)
        {
            var line = _lines.FirstOrDefault(l => l.Name == node.Name);
            if (line is null) return;
            change(line);
            if (force || Stopwatch.GetTimestamp() - _lastDraw > Throttle) Draw();
        }
    }

    private void Draw()
    {
        if (_drawn > 0) writer.Write($"\u001b[{_drawn}A");
        var width = _lines.Count == 0 ? 0 : _lines.Max(l => l.Name.Length);
        foreach (var line in _lines)
        {
            var elapsed = line.Clock is { } clock ? clock.Elapsed.TotalSeconds.ToString(" 0.0 s", CultureInfo.InvariantCulture) : "";
            writer.Write($"\u001b[2K  {Symbol(line.State)} {line.Name.PadRight(width)}  {line.State,-9} {line.Detail}{elapsed}\n");
        }
        writer.Flush();
        (_drawn, _lastDraw) = (_lines.Count, Stopwatch.GetTimestamp());
    }

    private static string Symbol(string state) => state switch
    {
        "succeeded" => "✓",
        "cached" or "reused" => "↺",
        "failed" => "✗",
        "running" => "▶",
        "waiting" => "·",
        _ => "-",
    };

    private sealed class Line(string name)
    {
        public string Name { get; } = name;
        public string State { get; set; } = "waiting";
        public string Detail { get; set; } = "";
        public Stopwatch? Clock { get; set; }
    }
}
