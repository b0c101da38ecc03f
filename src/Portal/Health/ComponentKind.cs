using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Health;

public enum ComponentKind
{
    Domino,
    DominoRegistry,
    S3,
    Registry,
    Docker,
}
