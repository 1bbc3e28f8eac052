#pragma once

#include "SettingsProfile.h"

#include <QAbstractListModel>
#include <QList>

namespace optimist {

/// The environment profiles the settings dialog edits: one row per profile, each with its
/// edits not saved yet. Qt::DisplayRole is the name, ProfileFileRole, ProfileModifiedRole and
/// ProfileClusterKindRole (models/common/ModelRoles.h) the raw values.
class ProfileListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit ProfileListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// Replaces every row by @p profiles, none modified.
    void setProfiles(const QList<SettingsProfile> &profiles);
    const SettingsProfile &profile(int row) const;
    bool isModified(int row) const;
    /// A stable key of the row's profile while the model lives (rows shift on removal).
    int key(int row) const;
    int rowOfKey(int key) const;

    /// Stores the edited @p profile in @p row; modified when it differs from what was there.
    void updateProfile(int row, const SettingsProfile &profile);
    /// After a save: @p profile as stored, not modified.
    void markSaved(int row, const SettingsProfile &profile);
    /// Appends @p profile (modified: not saved yet); answers its row.
    int appendProfile(const SettingsProfile &profile);
    void removeProfile(int row);

    /// "NAME", or "NAME-2", "NAME-3", … : a name no row has yet.
    QString uniqueName(const QString &base) const;

private:
    struct Row
    {
        SettingsProfile profile;
        bool modified = false;
        int key = 0;
    };
    QList<Row> m_rows;
    int m_nextKey = 1;
};

} // namespace optimist
