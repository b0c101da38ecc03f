namespace Portal.Nodes;

/// <summary>This process's name in run records (<c>Portal:NodeName</c>, default the machine name).</summary>
public sealed record PortalNode(string Name);
