using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Millrace.Training;

/// <summary>
/// The network for tabular data: a wide part (a linear layer over the dense input plus a learned output per
/// category of each embedded feature) and a deep part (a perceptron over the dense input and the embeddings);
/// <see cref="ModelKind"/> picks one or both.
/// </summary>
internal sealed class TabularNetwork : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear? wide;
    private readonly ModuleList<Embedding> wideEmbeddings = new();
    private readonly ModuleList<Embedding> embeddings = new();
    private readonly Sequential? deep;

    public TabularNetwork(ModelArchitecture architecture, int denseWidth, IReadOnlyList<FittedCategorical> embedded, int outputs)
        : base(nameof(TabularNetwork))
    {
        if (architecture.Kind != ModelKind.Mlp)
        {
            wide = nn.Linear(denseWidth, outputs);
            foreach (var feature in embedded) wideEmbeddings.Add(nn.Embedding(feature.Cardinality, outputs));
        }
        if (architecture.Kind != ModelKind.Linear)
        {
            foreach (var feature in embedded) embeddings.Add(nn.Embedding(feature.Cardinality, feature.EmbeddingDimension));
            int width = denseWidth + embedded.Sum(f => f.EmbeddingDimension);
            var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
            foreach (int hidden in architecture.HiddenLayers)
            {
                layers.Add(($"linear{layers.Count}", nn.Linear(width, hidden)));
                layers.Add(($"relu{layers.Count}", nn.ReLU()));
                width = hidden;
            }
            layers.Add(("output", nn.Linear(width, outputs)));
            deep = nn.Sequential(layers);
        }
        RegisterComponents();
    }

    /// <summary>The logits (or the regression output) of a batch: dense [n, d] floats and categorical [n, c] indices.</summary>
    public override Tensor forward(Tensor dense, Tensor categorical)
    {
        Tensor? result = null;
        if (wide is not null)
        {
            result = wide.forward(dense);
            for (int i = 0; i < wideEmbeddings.Count; i++) result = result + wideEmbeddings[i].forward(categorical[.., i]);
        }
        if (deep is not null)
        {
            var parts = new List<Tensor> { dense };
            for (int i = 0; i < embeddings.Count; i++) parts.Add(embeddings[i].forward(categorical[.., i]));
            var deepOut = deep.forward(parts.Count == 1 ? dense : cat(parts, 1));
            result = result is null ? deepOut : result + deepOut;
        }
        return result!;
    }
}
