using System.Text.Json;
using Portal.Domain.Domino;

namespace Portal.Tests.Unit.Domain.Domino;

public sealed class ProjectListReaderTests
{
    [Fact]
    public void A_list_without_permission_fields_leaves_the_right_to_export_unknown()
    {
        var projects = Read("""[{"id":"1","name":"churn","owner":{"id":"u1","userName":"alice"},"visibility":"Private"}]""");

        Assert.Equal([new DominoListedProject("alice", "churn", null)], projects);
    }

    [Fact]
    public void Allowed_operations_say_whether_the_key_may_export()
    {
        var projects = Read("""
            [{"name":"a","ownerUsername":"alice","allowedOperations":["Run","ChangeProjectSettings"]},
             {"name":"b","ownerUsername":"alice","allowedOperations":["Run"]},
             {"name":"c","ownerUsername":"alice","allowedOperations":null}]
            """);

        Assert.Equal([true, false, null], projects.Select(p => p.CanExport));
    }

    [Theory]
    [InlineData("""{"data":[{"name":"p","ownerName":"bob"}]}""")]
    [InlineData("""{"projects":[{"name":"p","owner":"bob"}]}""")]
    [InlineData("""[{"Name":"p","OwnerUsername":"bob"}]""")]
    [InlineData("""[{"name":"p","owner":{"username":"bob"}}]""")]
    public void Reads_the_shapes_Domino_versions_send(string json)
    {
        Assert.Equal([new DominoListedProject("bob", "p", null)], Read(json));
    }

    [Fact]
    public void Entries_without_a_name_or_an_owner_are_left_out()
    {
        var projects = Read("""[{"name":"p"},{"ownerUsername":"bob"},{"name":"","ownerUsername":"bob"},7,{"name":"q","ownerUsername":"bob"}]""");

        Assert.Equal(["q"], projects.Select(p => p.Name));
    }

    [Fact]
    public void Something_that_is_not_a_list_is_an_error()
    {
        Assert.Throws<JsonException>(() => Read("""{"message":"nope"}"""));
    }

    private static IReadOnlyList<DominoListedProject> Read(string json) =>
        ProjectListReader.Read(JsonDocument.Parse(json).RootElement);
}
