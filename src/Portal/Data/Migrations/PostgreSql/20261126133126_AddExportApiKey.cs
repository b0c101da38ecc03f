using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddExportApiKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApiKey",
                table: "Exports",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApiKeyHash",
                table: "Exports",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Exports_ApiKeyHash",
                table: "Exports",
                column: "ApiKeyHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Exports_ApiKeyHash",
                table: "Exports");

            migrationBuilder.DropColumn(
                name: "ApiKey",
                table: "Exports");

            migrationBuilder.DropColumn(
                name: "ApiKeyHash",
                table: "Exports");
        }
    }
}
