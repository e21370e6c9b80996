namespace Npa.Monitor.Models.Promotion;

/// <summary>One line of the model history: which package went into service, how, when, by whom, and what it replaced.</summary>
/// <param name="Time">When the package was installed (the installer's clock).</param>
/// <param name="Action">Promote or rollback.</param>
/// <param name="ModelId">Id the monitor serves it under (manifest id @ first 8 hex digits of the onnx hash).</param>
/// <param name="Sha256">The manifest's onnx_sha256, checked against model.onnx before installing.</param>
/// <param name="FromId">Id of the package it replaced; null when none was installed.</param>
/// <param name="By">Who installed it (<c>user@host</c> unless given).</param>
public sealed record ModelHistoryEntry(DateTimeOffset Time, ModelAction Action, string ModelId, string Sha256, string? FromId, string By);
