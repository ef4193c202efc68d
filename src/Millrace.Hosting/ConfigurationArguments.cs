namespace Millrace.Hosting;

/// <summary>
/// Splits a command line into configuration overrides (<c>--Section:Key=value</c> or <c>--Section:Key value</c>,
/// a key with a colon) and the verb's own arguments. The host's command-line configuration reads a bare switch such
/// as <c>--no-cache</c> as a key that takes the next token as its value, which would swallow an override after it;
/// giving the overrides to configuration on their own makes them win wherever they appear.
/// </summary>
internal static class ConfigurationArguments
{
    /// <summary>The configuration overrides, in order.</summary>
    public static string[] Overrides(IEnumerable<string> args) => Split(args).Overrides;

    /// <summary>Everything except the configuration overrides, in order.</summary>
    public static string[] WithoutOverrides(IEnumerable<string> args) => Split(args).Others;

    private static (string[] Overrides, string[] Others) Split(IEnumerable<string> args)
    {
        var (overrides, rest) = (new List<string>(), new List<string>());
        using var tokens = args.GetEnumerator();
        while (tokens.MoveNext())
        {
            var arg = tokens.Current;
            var name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..].Split('=', 2)[0] : null;
            if (name is null || !name.Contains(':'))
            {
                rest.Add(arg);
                continue;
            }
            overrides.Add(arg);
            if (!arg.Contains('=') && tokens.MoveNext()) overrides.Add(tokens.Current);
        }
        return ([.. overrides], [.. rest]);
    }
}
