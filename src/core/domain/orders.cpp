#include "domain/orders.h"

namespace etabli {

QString quoteStatusLabel(QuoteStatus status, bool expired)
{
    if (expired && status == QuoteStatus::Sent)
        return QCoreApplication::translate("etabli::Codes", "Expired");
    return labelOf(status);
}

} // namespace etabli
