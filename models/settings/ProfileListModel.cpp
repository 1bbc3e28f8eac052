#include "ProfileListModel.h"

#include "common/ModelRoles.h"

#include <QFont>

#include <algorithm>

namespace optimist {

namespace {

bool sameProfile(const SettingsProfile &a, const SettingsProfile &b)
{
    return a.name == b.name && a.description == b.description && a.filePath == b.filePath &&
           a.cluster == b.cluster && a.router == b.router && a.metrics == b.metrics &&
           a.applications == b.applications && a.plan.toJson() == b.plan.toJson() &&
           a.namedSecrets == b.namedSecrets;
}

} // namespace

ProfileListModel::ProfileListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ProfileListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ProfileListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case SortRole:
        return row.profile.name;
    case Qt::ToolTipRole:
        return row.profile.filePath.isEmpty()
                   ? tr("%1 (not saved yet)").arg(row.profile.description)
                   : tr("%1\n%2").arg(row.profile.description, row.profile.filePath);
    case Qt::FontRole:
        if (row.modified) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case ProfileFileRole:
        return row.profile.filePath;
    case ProfileModifiedRole:
        return row.modified;
    case ProfileClusterKindRole:
        return row.profile.cluster.kind;
    default:
        return {};
    }
}

void ProfileListModel::setProfiles(const QList<SettingsProfile> &profiles)
{
    beginResetModel();
    m_rows.clear();
    for (const SettingsProfile &p : profiles)
        m_rows.append({p, false, m_nextKey++});
    endResetModel();
}

const SettingsProfile &ProfileListModel::profile(int row) const
{
    return m_rows.at(row).profile;
}

bool ProfileListModel::isModified(int row) const
{
    return m_rows.at(row).modified;
}

int ProfileListModel::key(int row) const
{
    return m_rows.at(row).key;
}

int ProfileListModel::rowOfKey(int key) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).key == key)
            return i;
    }
    return -1;
}

void ProfileListModel::updateProfile(int row, const SettingsProfile &profile)
{
    Row &r = m_rows[row];
    if (sameProfile(r.profile, profile))
        return;
    r.profile = profile;
    r.modified = true;
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at);
}

void ProfileListModel::markSaved(int row, const SettingsProfile &profile)
{
    Row &r = m_rows[row];
    r.profile = profile;
    r.modified = false;
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at);
}

int ProfileListModel::appendProfile(const SettingsProfile &profile)
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append({profile, true, m_nextKey++});
    endInsertRows();
    return row;
}

void ProfileListModel::removeProfile(int row)
{
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

QString ProfileListModel::uniqueName(const QString &base) const
{
    const auto taken = [this](const QString &name) {
        return std::any_of(m_rows.cbegin(), m_rows.cend(),
                           [&name](const Row &r) { return r.profile.name == name; });
    };
    if (!taken(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1-%2").arg(base).arg(n);
        if (!taken(candidate))
            return candidate;
    }
}

} // namespace optimist
