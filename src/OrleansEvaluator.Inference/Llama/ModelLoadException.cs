namespace OrleansEvaluator.Inference.Llama;

/// <summary>A model could not be loaded; the message names the file and the reason.</summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException() { }

    public ModelLoadException(string message) : base(message) { }

    public ModelLoadException(string message, Exception innerException) : base(message, innerException) { }
}
