using System.Runtime.CompilerServices;
using OrleansEvaluator.Training.Native;

namespace OrleansEvaluator.Training.Tests;

public sealed class FloatingPointTests
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Multiply(float a, float b) => a * b;

    [Fact]
    public void Disabling_denormals_flushes_tiny_results_to_zero_on_this_thread()
    {
        Exception? failure = null;
        var thread = new Thread(() => failure = Record.Exception(() =>
        {
            Assert.True(FloatingPoint.RestoreDefault()); // a new thread inherits its creator's setting
            Assert.NotEqual(0f, Multiply(1e-38f, 1e-3f));
            using (FloatingPoint.WithoutDenormals())
                Assert.Equal(0f, Multiply(1e-38f, 1e-3f));
            Assert.NotEqual(0f, Multiply(1e-38f, 1e-3f)); // the scope put the previous setting back
            Assert.True(FloatingPoint.DisableDenormals());
            Assert.Equal(0f, Multiply(1e-38f, 1e-3f));
            Assert.True(FloatingPoint.RestoreDefault());
            Assert.NotEqual(0f, Multiply(1e-38f, 1e-3f));
        }));
        thread.Start();
        thread.Join();
        Assert.Null(failure);
    }
}
