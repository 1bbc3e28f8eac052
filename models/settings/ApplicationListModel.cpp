#include "ApplicationListModel.h"

#include "common/ModelRoles.h"

namespace optimist {

namespace {

const QString kRule = QStringLiteral("rule");
const QString kPorts = QStringLiteral("ports");
const QString kHealthUrl = QStringLiteral("healthUrl");

QString colorOf(int column)
{
    return column == ApplicationListModel::BluePortColumn ? QStringLiteral("blue")
                                                          : QStringLiteral("green");
}

} // namespace

ApplicationListModel::ApplicationListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int ApplicationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_apps.size());
}

int ApplicationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApplicationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != SortRole)
        return {};
    const SettingsProfile::Application &app = m_apps.at(index.row());
    switch (index.column()) {
    case NameColumn:
        return app.name;
    case RuleColumn:
        return app.settings.value(kRule).toString();
    case BluePortColumn:
    case GreenPortColumn: {
        const int port = app.settings.value(kPorts).toMap().value(colorOf(index.column())).toInt();
        if (role == Qt::DisplayRole)
            return port > 0 ? QString::number(port) : QString();
        return port;
    }
    case HealthUrlColumn:
        return app.settings.value(kHealthUrl).toString();
    default:
        return {};
    }
}

QVariant ApplicationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Application");
    case RuleColumn:
        return tr("Router rule");
    case BluePortColumn:
        return tr("Blue port");
    case GreenPortColumn:
        return tr("Green port");
    case HealthUrlColumn:
        return tr("Health URL");
    default:
        return {};
    }
}

Qt::ItemFlags ApplicationListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

bool ApplicationListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    SettingsProfile::Application &app = m_apps[index.row()];
    const auto setText = [&app](const QString &key, const QString &text) {
        if (text.trimmed().isEmpty())
            app.settings.remove(key);
        else
            app.settings.insert(key, text.trimmed());
    };
    switch (index.column()) {
    case NameColumn:
        app.name = value.toString().trimmed();
        break;
    case RuleColumn:
        setText(kRule, value.toString());
        break;
    case HealthUrlColumn:
        setText(kHealthUrl, value.toString());
        break;
    case BluePortColumn:
    case GreenPortColumn: {
        bool ok = false;
        const int port = value.toString().trimmed().isEmpty() ? 0 : value.toInt(&ok);
        if (port != 0 && (!ok || port < 1 || port > 65535))
            return false;
        QVariantMap ports = app.settings.value(kPorts).toMap();
        if (port == 0)
            ports.remove(colorOf(index.column()));
        else
            ports.insert(colorOf(index.column()), port);
        if (ports.isEmpty())
            app.settings.remove(kPorts);
        else
            app.settings.insert(kPorts, ports);
        break;
    }
    default:
        return false;
    }
    Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole, SortRole});
    return true;
}

bool ApplicationListModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > m_apps.size() || count < 1)
        return false;
    beginInsertRows(parent, row, row + count - 1);
    for (int i = 0; i < count; ++i)
        m_apps.insert(row, SettingsProfile::Application{});
    endInsertRows();
    return true;
}

bool ApplicationListModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > m_apps.size())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_apps.remove(row, count);
    endRemoveRows();
    return true;
}

void ApplicationListModel::setApplications(const QList<SettingsProfile::Application> &applications)
{
    beginResetModel();
    m_apps = applications;
    endResetModel();
}

QList<SettingsProfile::Application> ApplicationListModel::applications() const
{
    return m_apps;
}

} // namespace optimist
