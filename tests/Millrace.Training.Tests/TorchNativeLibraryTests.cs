using static TorchSharp.torch;

namespace Millrace.Training.Tests;

public sealed class TorchNativeLibraryTests
{
    [Fact]
    public void A_torch_operation_runs_in_the_test_process()
    {
        using var a = tensor(new float[] { 1, 2, 3 });
        using var b = (a * a).sum();
        Assert.Equal(14f, b.item<float>());
    }
}
