using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Millrace.Hosting;

/// <summary>Adds Millrace to a .NET generic host: <c>Host.CreateApplicationBuilder(args).AddMillrace().AddPipeline&lt;T&gt;()</c>.</summary>
public static class MillraceHostingExtensions
{
    /// <summary>
    /// Registers the options (section <c>Millrace</c>, validated at start), the SQLite metadata store in the pipeline
    /// root, the local runner and the console; sends logs to standard error with the run and step in scope.
    /// </summary>
    public static MillraceBuilder AddMillrace(this HostApplicationBuilder builder)
    {
        // The arguments given to Host.CreateApplicationBuilder(args), kept by its command-line configuration source.
        string[] args = [.. builder.Configuration.Sources.OfType<CommandLineConfigurationSource>().FirstOrDefault()?.Args ?? []];
        builder.Configuration.AddCommandLine(ConfigurationArguments.Overrides(args));
        builder.Services.AddOptions<MillraceOptions>().Bind(builder.Configuration.GetSection(MillraceOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MillraceOptions>, MillraceOptionsValidator>();
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddSingleton(MillraceConsole.System);
        builder.Services.AddSingleton<IMetadataStore>(services =>
            SqliteMetadataStore.OpenInRoot(services.GetRequiredService<IOptions<MillraceOptions>>().Value.PipelineRoot));
        builder.Services.AddSingleton(services => new LocalRunner(
            services.GetRequiredService<IMetadataStore>(),
            services.GetRequiredService<IOptions<MillraceOptions>>().Value.PipelineRoot,
            services.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton(services => new PipelineCatalog(services, services.GetServices<PipelineRegistration>()));

        // Results go to standard output so that `graph` can be piped; logs go to standard error, one line each.
        builder.Logging.AddSimpleConsole(o => (o.IncludeScopes, o.SingleLine, o.TimestampFormat) = (true, true, "HH:mm:ss "));
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        // A start failure (invalid options) is reported as one line by RunMillraceAsync, not as a logged stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);
        // On a terminal the progress display tells what the runtime's information lines would.
        if (MillraceConsole.System.IsInteractive) builder.Logging.AddFilter("Millrace", LogLevel.Warning);
        return new MillraceBuilder(builder, args);
    }

    /// <summary>
    /// Starts the host (validating options), runs one command line (<c>run</c>, <c>graph</c>, <c>runs</c>,
    /// <c>lineage</c>) and stops the host. Ctrl+C cancels the command.
    /// </summary>
    /// <returns>0 on success, 1 when a run failed, 2 for a user's mistake, 130 when cancelled.</returns>
    public static async Task<int> RunMillraceAsync(this IHost host, string[] args)
    {
        var console = host.Services.GetRequiredService<MillraceConsole>();
        try
        {
            await host.StartAsync();
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures) await console.Error.WriteLineAsync($"error: {failure}");
            return ExitCodes.UsageError;
        }
        try
        {
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            return await new MillraceCommandLine(host.Services, console).InvokeAsync(args, lifetime.ApplicationStopping);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
