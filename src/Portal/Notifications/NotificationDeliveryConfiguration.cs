using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Notifications;

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> e)
    {
        e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
        e.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        e.Property(d => d.Target).HasMaxLength(300);
        e.Property(d => d.Error).HasMaxLength(2000);
        e.HasOne(d => d.Subscription).WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        // One message per subscription and run, however often the planning job is delivered.
        e.HasIndex(d => new { d.SubscriptionId, d.RunId }).IsUnique();
        e.HasIndex(d => new { d.SubscriptionId, d.ExportId, d.RunId });
    }
}
