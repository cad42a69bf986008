using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Import;

/// <summary>What an instruction import produced: unique instructions, malformed lines, and how many duplicates were dropped.</summary>
public sealed record InstructionImport(IReadOnlyList<Instruction> Instructions, IReadOnlyList<DataIssue> Issues, int Duplicates);
