#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace etabli {

// Where services get "now" from, so that tests and the demo generator can
// fix time and produce identical databases.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    QDate today() const { return nowUtc().toLocalTime().date(); }
    // ISO 8601 UTC with a 'Z', second precision: sorts as text.
    QString nowIso() const { return nowUtc().toString(Qt::ISODate); }
};

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override
    {
        QDateTime now = QDateTime::currentDateTimeUtc();
        now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
        return now;
    }
};

class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime utc) : m_now(std::move(utc)) {}
    QDateTime nowUtc() const override { return m_now; }
    void set(QDateTime utc) { m_now = std::move(utc); }

private:
    QDateTime m_now;
};

} // namespace etabli
