using Microsoft.Extensions.DependencyInjection;

namespace Millrace.Hosting;

/// <summary>The pipelines a host can run, found by name.</summary>
public sealed class PipelineCatalog
{
    private readonly IServiceProvider _services;
    private readonly IReadOnlyList<(Type Type, PipelineGraph Graph)> _registrations;

    internal PipelineCatalog(IServiceProvider services, IEnumerable<PipelineRegistration> registrations)
    {
        _services = services;
        // A graph is a static value of its generated class; one instance is built to read it through IPipeline.
        _registrations = [.. registrations.Select(r => (r.PipelineType, ((IPipeline)services.GetRequiredService(r.PipelineType)).Graph))];
    }

    /// <summary>The names of the registered pipelines, in registration order.</summary>
    public IReadOnlyList<string> Names => [.. _registrations.Select(r => r.Graph.Name)];

    /// <summary>The graph of a pipeline, by name; the only one when <paramref name="name"/> is <see langword="null"/>.</summary>
    /// <exception cref="MillraceException">No such pipeline, or a name is needed because there are several.</exception>
    public PipelineGraph GetGraph(string? name) => Find(name).Graph;

    /// <summary>Builds a pipeline instance through dependency injection, by name.</summary>
    /// <exception cref="MillraceException">No such pipeline, or a name is needed because there are several.</exception>
    public IPipeline Create(string? name) => (IPipeline)_services.GetRequiredService(Find(name).Type);

    private (Type Type, PipelineGraph Graph) Find(string? name)
    {
        if (_registrations.Count == 0)
            throw new MillraceException("No pipeline is registered; call AddPipeline<T>() on the Millrace builder.");
        if (name is null)
        {
            return _registrations.Count == 1 ? _registrations[0] : throw new MillraceException(
                $"This program has {_registrations.Count} pipelines; name one of: {string.Join(", ", Names)}.");
        }
        var found = _registrations.FirstOrDefault(r => r.Graph.Name == name);
        return found.Type is not null ? found : throw new MillraceException($"Unknown pipeline '{name}'; this program has: {string.Join(", ", Names)}.");
    }
}
