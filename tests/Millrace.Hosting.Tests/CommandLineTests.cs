using System.Text.RegularExpressions;

namespace Millrace.Hosting.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Run_executes_the_pipeline_and_a_second_run_is_served_from_the_cache()
    {
        using var root = new TempDirectory();
        var first = await Cli.RunAsync(root.Path, "run", "files");
        var second = await Cli.RunAsync(root.Path, "run", "files");

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Matches(@"^Run \S+ of files succeeded in [\d.]+ s: 4 succeeded\n$", first.Out);
        Assert.Matches(@": 4 cached\n$", second.Out);
        Assert.True(File.Exists(Path.Combine(root.Path, "metadata.db")));
    }

    [Fact]
    public async Task On_an_interactive_terminal_each_step_has_a_line_redrawn_in_place_until_it_ends()
    {
        using var root = new TempDirectory();
        var result = await Cli.RunAsync(root.Path, interactive: true, "run", "files", "--run-id", "shown");

        Assert.StartsWith("Run shown of files\n", result.Error);
        Assert.Contains("\u001b[4A", result.Error);
        var final = result.Error[result.Error.LastIndexOf("\u001b[4A", StringComparison.Ordinal)..];
        foreach (var step in new[] { "Import", "Statistics", "Check", "Report" })
            Assert.Matches($@"\u001b\[2K  ✓ {step}\s+succeeded [\d.]+ s\n", final);
    }

    [Fact]
    public async Task On_an_interactive_terminal_steps_a_partial_run_reuses_are_shown_as_reused()
    {
        using var root = new TempDirectory();
        await Cli.RunAsync(root.Path, "run", "files");
        var result = await Cli.RunAsync(root.Path, interactive: true, "run", "files", "--only", "Check", "--no-cache");

        var final = result.Error[result.Error.LastIndexOf("\u001b[2A", StringComparison.Ordinal)..];
        Assert.Matches(@"↺ Import\s+reused\s+outputs of run \S+\n", final);
        Assert.Matches(@"✓ Check\s+succeeded", final);
    }

    [Fact]
    public async Task An_unknown_pipeline_prints_one_line_naming_the_known_ones_and_exits_with_a_usage_error()
    {
        using var root = new TempDirectory();
        var result = await Cli.RunAsync(root.Path, "run", "taxi");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal(["error: Unknown pipeline 'taxi'; this program has: files, chain."], result.ErrorLines);
    }

    [Fact]
    public async Task With_several_pipelines_a_command_without_a_pipeline_name_asks_for_one()
    {
        using var root = new TempDirectory();
        var result = await Cli.RunAsync(root.Path, "graph");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal(["error: This program has 2 pipelines; name one of: files, chain."], result.ErrorLines);
    }

    [Fact]
    public async Task An_invalid_setting_is_reported_at_start_by_its_configuration_key()
    {
        using var root = new TempDirectory();
        var result = await Cli.RunAsync(root.Path, "run", "files", "--Millrace:MaxParallelism=0");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal(["error: Millrace:MaxParallelism is 0; it must be between 1 and 256."], result.ErrorLines);
        Assert.False(File.Exists(Path.Combine(root.Path, "metadata.db")));
    }

    [Fact]
    public async Task A_configured_retry_policy_is_checked_at_start_and_against_the_pipelines_steps()
    {
        using var root = new TempDirectory();
        var invalid = await Cli.RunAsync(root.Path, "run", "files", "--Millrace:Retries:Import:MaxAttempts=0");
        var unknown = await Cli.RunAsync(root.Path, "run", "files", "--Millrace:Retries:Imprt:MaxAttempts=2");

        Assert.Equal(["error: Millrace:Retries:Import:MaxAttempts is 0; it must be at least 1."], invalid.ErrorLines);
        Assert.Equal(ExitCodes.UsageError, unknown.ExitCode);
        Assert.Equal(["error: The run sets a retry policy for step 'Imprt', which pipeline 'files' does not have; its steps are: Import, Statistics, Check, Report."], unknown.ErrorLines);
    }

    [Fact]
    public async Task A_parallelism_below_one_on_the_command_line_is_a_one_line_usage_error()
    {
        using var root = new TempDirectory();
        var result = await Cli.RunAsync(root.Path, "run", "files", "-j", "0");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal(["error: MaxParallelism is 0; it must be at least 1."], result.ErrorLines);
    }

    [Fact]
    public async Task An_unknown_option_prints_one_line_and_exits_with_a_usage_error()
    {
        using var root = new TempDirectory();
        var result = await Cli.RunAsync(root.Path, "run", "files", "--form", "Check");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: Unrecognized command or argument '--form'", result.Error);
    }

    [Fact]
    public async Task An_unknown_step_in_a_partial_run_is_named_with_the_steps_that_exist()
    {
        using var root = new TempDirectory();
        var result = await Cli.RunAsync(root.Path, "run", "files", "--from", "Chek");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal(["error: --from names step 'Chek', which pipeline 'files' does not have; its steps are: Import, Statistics, Check, Report."], result.ErrorLines);
    }

    [Fact]
    public async Task Only_reruns_the_named_step_and_reuses_the_outputs_it_needs()
    {
        using var root = new TempDirectory();
        await Cli.RunAsync(root.Path, "run", "files");
        var result = await Cli.RunAsync(root.Path, "run", "files", "--only", "Check", "--no-cache");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        Assert.Matches(@": 1 succeeded, 1 reused\n$", result.Out);
    }

    [Fact]
    public async Task Graph_prints_mermaid_by_default_and_dot_on_request()
    {
        using var root = new TempDirectory();
        var mermaid = await Cli.RunAsync(root.Path, "graph", "files");
        var dot = await Cli.RunAsync(root.Path, "graph", "files", "--format", "dot");

        Assert.Contains("flowchart TD", mermaid.Out);
        Assert.StartsWith("digraph \"files\" {", dot.Out);
        Assert.Contains("\"import\" -> \"check\"", dot.Out);
    }

    [Fact]
    public async Task Graph_rejects_a_format_it_does_not_know_in_one_line()
    {
        using var root = new TempDirectory();
        var result = await Cli.RunAsync(root.Path, "graph", "files", "--format", "svg");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains("svg", result.Error);
    }

    [Fact]
    public async Task Runs_list_shows_the_runs_newest_first_and_runs_show_lists_a_runs_steps_and_outputs()
    {
        using var root = new TempDirectory();
        await Cli.RunAsync(root.Path, "run", "files", "--run-id", "first");
        await Cli.RunAsync(root.Path, "run", "files", "--run-id", "second");

        var list = await Cli.RunAsync(root.Path, "runs", "list");
        var show = await Cli.RunAsync(root.Path, "runs", "show", "first");

        var rows = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("RUN", rows[0]);
        Assert.Matches(@"^second\s+files\s+succeeded", rows[1]);
        Assert.Matches(@"^first\s+files\s+succeeded", rows[2]);
        Assert.Contains("Run first of files: succeeded", show.Out);
        Assert.Matches(@"\bCheck\s+succeeded\s+1\s+[\d.]+ s\s+Anomalies#\d+", show.Out);
    }

    [Fact]
    public async Task Runs_show_of_an_unknown_run_is_a_one_line_usage_error()
    {
        using var root = new TempDirectory();
        var result = await Cli.RunAsync(root.Path, "runs", "show", "nope");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal(["error: Unknown run 'nope'; `runs list` shows the recent ones."], result.ErrorLines);
    }

    [Fact]
    public async Task Lineage_shows_what_made_an_artifact_and_what_was_made_from_it()
    {
        using var root = new TempDirectory();
        await Cli.RunAsync(root.Path, "run", "files", "--run-id", "r");
        var show = await Cli.RunAsync(root.Path, "runs", "show", "r");
        var examples = Regex.Match(show.Out, @"Examples#(\d+)").Groups[1].Value;

        var lineage = await Cli.RunAsync(root.Path, "lineage", examples);

        Assert.Equal(ExitCodes.Success, lineage.ExitCode);
        Assert.StartsWith($"#{examples} Millrace.Examples (live)", lineage.Out);
        Assert.Contains("made by:\n  Import (execution", lineage.Out);
        Assert.Contains("used by:", lineage.Out);
        Assert.Contains("  Report (execution", lineage.Out);
    }

    [Fact]
    public async Task Lineage_of_an_unknown_artifact_is_a_one_line_usage_error()
    {
        using var root = new TempDirectory();
        var result = await Cli.RunAsync(root.Path, "lineage", "999");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public void Configuration_overrides_are_told_apart_from_the_verbs_arguments()
    {
        string[] args = ["run", "--no-cache", "--Millrace:PipelineRoot", "/tmp/x", "files", "--Files:InputPath=a.csv", "--from", "Check"];

        Assert.Equal(["run", "--no-cache", "files", "--from", "Check"], ConfigurationArguments.WithoutOverrides(args));
        Assert.Equal(["--Millrace:PipelineRoot", "/tmp/x", "--Files:InputPath=a.csv"], ConfigurationArguments.Overrides(args));
    }

    [Fact]
    public async Task A_setting_given_after_a_bare_switch_still_applies()
    {
        using var root = new TempDirectory();
        var result = await Cli.RunAsync(root.Path, "run", "files", "--no-cache");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(root.Path, "metadata.db")));
    }
}
