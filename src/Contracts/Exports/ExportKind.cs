namespace Portal.Contracts.Exports;

/// <summary>A Domino project (its files and its environment's image) or one compute environment's image.</summary>
public enum ExportKind
{
    Project,
    Environment,
}
