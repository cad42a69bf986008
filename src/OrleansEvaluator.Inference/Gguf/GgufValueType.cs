namespace OrleansEvaluator.Inference.Gguf;

/// <summary>A metadata value's GGUF type id, and for arrays (type 9) the element type id.</summary>
public readonly record struct GgufValueType(uint Type, uint ElementType);
