using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Millrace.Hosting;

/// <summary>Registers the pipelines a Millrace host can run; returned by <see cref="MillraceHostingExtensions.AddMillrace"/>.</summary>
public sealed class MillraceBuilder
{
    private readonly string[] _args;

    internal MillraceBuilder(HostApplicationBuilder host, string[] args) => (Host, _args) = (host, args);

    /// <summary>The application builder, to register anything else.</summary>
    public HostApplicationBuilder Host { get; }

    /// <summary>Registers a generated pipeline class; it is built through dependency injection for each run.</summary>
    public MillraceBuilder AddPipeline<TPipeline>() where TPipeline : class, IPipeline
    {
        Host.Services.AddTransient<TPipeline>();
        Host.Services.AddSingleton(new PipelineRegistration(typeof(TPipeline)));
        return this;
    }

    /// <summary>Builds the host; run the command line with <see cref="MillraceHostingExtensions.RunMillraceAsync"/>.</summary>
    public IHost Build() => Host.Build();

    /// <summary>
    /// Builds the host and runs the command line given to <c>Host.CreateApplicationBuilder(args)</c>.
    /// </summary>
    /// <returns>The process exit code.</returns>
    public async Task<int> RunAsync()
    {
        using var host = Build();
        return await host.RunMillraceAsync(_args);
    }
}
