#include "gui/funding/instalmentsmodel.h"

#include "util/text.h"

#include <QLocale>

namespace etabli {

InstalmentDraft InstalmentDraft::from(const SubsidyInstalment& i)
{
    return {i.id, text::frenchDate(i.expectedOn), i.expected.isZero() ? QString() : i.expected.formatPlain(),
            text::frenchDate(i.receivedOn), i.isReceived() ? i.received.formatPlain() : QString()};
}

bool InstalmentDraft::isBlank() const
{
    return expectedOn.trimmed().isEmpty() && expected.trimmed().isEmpty() && receivedOn.trimmed().isEmpty() &&
           received.trimmed().isEmpty();
}

InstalmentsModel::InstalmentsModel(QObject* parent)
    : RowsTableModel<InstalmentDraft>(
          {tr("Expected on"), tr("Amount expected"), tr("Received on"), tr("Amount received")},
          {Expected, Received}, parent)
{
    setTextFields({&InstalmentDraft::expectedOn, &InstalmentDraft::expected, &InstalmentDraft::receivedOn,
                   &InstalmentDraft::received});
}

void InstalmentsModel::setInstalments(const QList<SubsidyInstalment>& instalments)
{
    QList<InstalmentDraft> drafts;
    for (const SubsidyInstalment& i : instalments)
        drafts << InstalmentDraft::from(i);
    setRows(drafts);
}

Result<QList<SubsidyInstalment>> InstalmentsModel::collect(int* badRow) const
{
    QList<SubsidyInstalment> out;
    for (int row = 0; row < rowCount(); ++row) {
        const InstalmentDraft& d = rowAt(row);
        if (d.isBlank())
            continue;
        const auto refuse = [&](const QString& why) -> Result<QList<SubsidyInstalment>> {
            if (badRow)
                *badRow = row;
            return fail(Error::Code::InvalidInput, why);
        };
        SubsidyInstalment i;
        i.id = d.id;
        i.expectedOn = QDate::fromString(d.expectedOn.trimmed(), QStringLiteral("dd/MM/yyyy"));
        i.receivedOn = QDate::fromString(d.receivedOn.trimmed(), QStringLiteral("dd/MM/yyyy"));
        if ((!d.expectedOn.trimmed().isEmpty() && !i.expectedOn.isValid()) ||
            (!d.receivedOn.trimmed().isEmpty() && !i.receivedOn.isValid()))
            return refuse(tr("Instalment %1: write the days as dd/mm/yyyy (15/12/2026).").arg(row + 1));
        auto expected = Money::parse(d.expected.trimmed());
        auto received =
            d.received.trimmed().isEmpty() ? Result<Money>(Money()) : Money::parse(d.received.trimmed());
        if (!expected || !received)
            return refuse(tr("Instalment %1: %2")
                              .arg(row + 1)
                              .arg((!expected ? expected.error() : received.error()).message));
        i.expected = *expected;
        i.received = *received;
        if (i.receivedOn.isValid() != !i.received.isZero())
            return refuse(
                tr("Instalment %1: give both the day and the amount received, or neither.").arg(row + 1));
        out << i;
    }
    return out;
}

} // namespace etabli
