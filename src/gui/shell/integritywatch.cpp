#include "gui/shell/integritywatch.h"

#include "gui/common/session.h"
#include "storage/database.h"
#include "storage/metarepository.h"
#include "util/clock.h"
#include "util/logging.h"

#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>
#include <QThread>
#include <spdlog/spdlog.h>

namespace etabli {

namespace {
const QString checkedKey = QStringLiteral("integrity_checked");
}

IntegrityWatch::IntegrityWatch(Session& session, QStatusBar* bar, QWidget* window)
    : QObject(window), m_session(session), m_window(window), m_label(new QLabel(bar)),
      m_busy(new QProgressBar(bar))
{
    m_label->setObjectName(QStringLiteral("integrityLabel"));
    m_busy->setRange(0, 0); // a check of unknown length: the bar moves until it ends
    m_busy->setMaximumWidth(120);
    m_busy->setAccessibleName(tr("Check of the database under way"));
    bar->addPermanentWidget(m_label);
    bar->addPermanentWidget(m_busy);
    m_label->hide();
    m_busy->hide();
}

IntegrityWatch::~IntegrityWatch()
{
    if (m_worker)
        m_worker->wait();
}

bool IntegrityWatch::running() const
{
    return m_worker && m_worker->isRunning();
}

bool IntegrityWatch::startIfDue()
{
    if (running() || !m_session.isOpen() || !m_session.database().location().isSqlite())
        return false;
    const QDate today = m_session.clock().today();
    const QDate last = QDate::fromString(
        MetaRepository(m_session.database()).value(checkedKey).value_or(QString()), Qt::ISODate);
    if (last.isValid() && last.daysTo(today) < EveryDays)
        return false;
    const DatabaseLocation location = m_session.database().location();
    m_checked = location.displayName();
    m_problems.clear();
    m_error.clear();
    m_worker.reset(QThread::create([this, location]() {
        auto db = Database::open(location, Database::OpenMode::ReadOnlyChecked);
        if (!db) {
            m_error = db.error().message;
            return;
        }
        auto report = (*db)->checkIntegrity();
        if (!report) {
            m_error = report.error().message;
            return;
        }
        if (report->quickCheck != QStringList{QStringLiteral("ok")})
            m_problems << report->quickCheck;
        m_problems << report->foreignKeyCheck;
    }));
    connect(m_worker.get(), &QThread::finished, this, &IntegrityWatch::done);
    m_label->setText(tr("Checking the database…"));
    m_label->show();
    m_busy->show();
    m_worker->start(QThread::LowPriority);
    return true;
}

void IntegrityWatch::done()
{
    m_worker->wait();
    m_busy->hide();
    const bool ok = m_error.isEmpty() && m_problems.isEmpty();
    if (ok) {
        m_label->setText(tr("Database checked: intact"));
        // Remembered in the file; a read-only medium checks again next time.
        if (m_session.isOpen() && m_session.database().location().displayName() == m_checked)
            (void)MetaRepository(m_session.database())
                .setValue(checkedKey, m_session.clock().today().toString(Qt::ISODate));
    } else {
        m_label->setText(tr("Database DAMAGED"));
        logging::get("storage")->error(
            "integrity check failed: {}",
            (m_error.isEmpty() ? m_problems.mid(0, 10).join(QLatin1Char('\n')) : m_error).toStdString());
        QMessageBox box(QMessageBox::Critical, tr("Database damaged"),
                        tr("The weekly check found the database “%1” damaged. Stop working in it: restore "
                           "the last backup (File → Restore a backup), or call the person who looks after "
                           "the computers with this message.")
                            .arg(m_checked),
                        QMessageBox::Ok, m_window);
        box.setDetailedText(m_error.isEmpty() ? m_problems.mid(0, 20).join(QLatin1Char('\n')) : m_error);
        box.exec();
    }
    Q_EMIT finished(ok);
}

} // namespace etabli
