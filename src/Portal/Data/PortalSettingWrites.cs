namespace Portal.Data;

public static class PortalSettingWrites
{
    /// <summary>Sets, changes or (null) removes one stored setting among those already loaded.</summary>
    public static void SetSetting(this PortalDbContext db, Dictionary<string, PortalSetting> stored, string key, string? value)
    {
        if (stored.TryGetValue(key, out var setting))
        {
            if (value is null) db.PortalSettings.Remove(setting);
            else setting.Value = value;
        }
        else if (value is not null)
        {
            db.PortalSettings.Add(new PortalSetting { Key = key, Value = value });
        }
    }
}
