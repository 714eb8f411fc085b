#include "domain/accounting.h"

namespace etabli {

void LedgerEntry::add(const LedgerLine& account, qint64 cents)
{
    if (cents == 0)
        return;
    LedgerLine l = account;
    l.debit = cents > 0 ? cents : 0;
    l.credit = cents < 0 ? -cents : 0;
    lines << l;
}

qint64 LedgerEntry::debit() const
{
    qint64 sum = 0;
    for (const LedgerLine& l : lines)
        sum += l.debit;
    return sum;
}

qint64 LedgerEntry::credit() const
{
    qint64 sum = 0;
    for (const LedgerLine& l : lines)
        sum += l.credit;
    return sum;
}

} // namespace etabli
