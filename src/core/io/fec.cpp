#include "io/fec.h"

#include <QHash>

namespace etabli::fec {

const QStringList& columns()
{
    static const QStringList names = {
        QStringLiteral("JournalCode"),  QStringLiteral("JournalLib"),    QStringLiteral("EcritureNum"),
        QStringLiteral("EcritureDate"), QStringLiteral("CompteNum"),     QStringLiteral("CompteLib"),
        QStringLiteral("CompAuxNum"),   QStringLiteral("CompAuxLib"),    QStringLiteral("PieceRef"),
        QStringLiteral("PieceDate"),    QStringLiteral("EcritureLib"),   QStringLiteral("Debit"),
        QStringLiteral("Credit"),       QStringLiteral("EcritureLet"),   QStringLiteral("DateLet"),
        QStringLiteral("ValidDate"),    QStringLiteral("Montantdevise"), QStringLiteral("Idevise"),
    };
    return names;
}

QString amount(qint64 cents)
{
    const qint64 a = cents < 0 ? -cents : cents;
    return QStringLiteral("%1%2,%3")
        .arg(cents < 0 ? QStringLiteral("-") : QString())
        .arg(a / 100)
        .arg(a % 100, 2, 10, QLatin1Char('0'));
}

QByteArray latin9(const QString& text)
{
    // Latin-9 is Latin-1 but for eight places.
    static const QHash<char16_t, char> replaced = {
        {u'€', '\xA4'}, {u'Š', '\xA6'}, {u'š', '\xA8'}, {u'Ž', '\xB4'},
        {u'ž', '\xB8'}, {u'Œ', '\xBC'}, {u'œ', '\xBD'}, {u'Ÿ', '\xBE'},
    };
    static const QList<char16_t> displaced = {u'¤', u'¦', u'¨', u'´', u'¸', u'¼', u'½', u'¾'};
    QByteArray out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (auto it = replaced.constFind(u); it != replaced.constEnd())
            out += it.value();
        else if (u < 0x100 && !displaced.contains(u))
            out += static_cast<char>(u);
        else
            out += '?';
    }
    return out;
}

namespace {

QString field(QString text)
{
    // A tab or a line break would cut the line into columns or lines.
    for (QChar& c : text)
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    return text.simplified();
}

// The journal's name in French whatever the interface's language: the file
// goes to the French tax administration.
QString journalLabel(Journal j)
{
    switch (j) {
    case Journal::Sales:
        return QStringLiteral("Ventes");
    case Journal::Bank:
        return QStringLiteral("Banque");
    case Journal::CashBox:
        return QStringLiteral("Caisse");
    case Journal::Other:
        break;
    }
    return QStringLiteral("Opérations diverses");
}

QString fecDay(const QDate& d)
{
    return d.toString(QStringLiteral("yyyyMMdd"));
}

} // namespace

QByteArray text(const QList<LedgerEntry>& entries)
{
    QString out = columns().join(QLatin1Char('\t')) + QStringLiteral("\r\n");
    for (const LedgerEntry& e : entries) {
        for (const LedgerLine& l : e.lines) {
            const QStringList row = {
                codeOf(e.journal),  journalLabel(e.journal), QString::number(e.number),
                fecDay(e.day),      field(l.account),        field(l.accountLabel),
                field(l.auxiliary), field(l.auxiliaryLabel), field(e.piece),
                fecDay(e.pieceDay), field(e.label),          amount(l.debit),
                amount(l.credit),
                QString(), // EcritureLet: the accountant letters
                QString(), // DateLet
                fecDay(e.day),
                QString(), // Montantdevise: everything is in euros
                QString(), // Idevise
            };
            out += row.join(QLatin1Char('\t')) + QStringLiteral("\r\n");
        }
    }
    return latin9(out);
}

QString fileName(const QString& siren, const QDate& yearEnd)
{
    return siren + QStringLiteral("FEC") + fecDay(yearEnd) + QStringLiteral(".txt");
}

} // namespace etabli::fec
