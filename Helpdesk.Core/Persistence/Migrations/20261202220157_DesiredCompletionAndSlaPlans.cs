using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DesiredCompletionAndSlaPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DesiredCompletionAt",
                table: "Ticket",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SlaPlanId",
                table: "SupportAgreement",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SlaPlanId",
                table: "ServiceInstance",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportAgreement_SlaPlanId",
                table: "SupportAgreement",
                column: "SlaPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceInstance_SlaPlanId",
                table: "ServiceInstance",
                column: "SlaPlanId");

            migrationBuilder.AddForeignKey(
                name: "FK_ServiceInstance_SlaPlan_SlaPlanId",
                table: "ServiceInstance",
                column: "SlaPlanId",
                principalTable: "SlaPlan",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_SupportAgreement_SlaPlan_SlaPlanId",
                table: "SupportAgreement",
                column: "SlaPlanId",
                principalTable: "SlaPlan",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ServiceInstance_SlaPlan_SlaPlanId",
                table: "ServiceInstance");

            migrationBuilder.DropForeignKey(
                name: "FK_SupportAgreement_SlaPlan_SlaPlanId",
                table: "SupportAgreement");

            migrationBuilder.DropIndex(
                name: "IX_SupportAgreement_SlaPlanId",
                table: "SupportAgreement");

            migrationBuilder.DropIndex(
                name: "IX_ServiceInstance_SlaPlanId",
                table: "ServiceInstance");

            migrationBuilder.DropColumn(
                name: "DesiredCompletionAt",
                table: "Ticket");

            migrationBuilder.DropColumn(
                name: "SlaPlanId",
                table: "SupportAgreement");

            migrationBuilder.DropColumn(
                name: "SlaPlanId",
                table: "ServiceInstance");
        }
    }
}
