using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Notifications;

internal sealed class NotificationSubscriptionConfiguration : IEntityTypeConfiguration<NotificationSubscription>
{
    public void Configure(EntityTypeBuilder<NotificationSubscription> e)
    {
        e.Property(s => s.When).HasConversion<string>().HasMaxLength(32);
        e.Property(s => s.Channel).HasConversion<string>().HasMaxLength(16);
        e.Property(s => s.WebhookFormat).HasConversion<string>().HasMaxLength(16);
        e.Property(s => s.WebhookUrl).HasMaxLength(2000);
        e.Property(s => s.WebhookSecret).HasMaxLength(2000);
        e.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(s => s.Export).WithMany().HasForeignKey(s => s.ExportId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(s => s.UserId);
        e.HasIndex(s => s.ExportId);
    }
}
