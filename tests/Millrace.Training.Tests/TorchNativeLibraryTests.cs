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

    [Fact]
    public void The_build_marks_the_copied_libLibTorchSharp_need_for_GLIBCXX_3_4_32_weak_and_leaves_the_other_needs_alone()
    {
        var needs = ElfVersionNeeds.Read(Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so"));
        Assert.Equal(2, needs["GLIBCXX_3.4.32"] & 2);
        Assert.All(needs.Where(n => n.Key != "GLIBCXX_3.4.32"), n => Assert.Equal(0, n.Value & 2));
    }
}
