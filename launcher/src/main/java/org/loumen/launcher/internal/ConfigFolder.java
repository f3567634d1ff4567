package org.loumen.launcher.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes DATA/conf the operator's configuration folder: FileInstall watches it and hands each {@code <pid>.cfg} to
 * Config Admin, so settings described by Metatype change at runtime without a restart. (FileInstall's own folder,
 * DATA/plugins, is for bundles; a second watcher is a FileInstall factory configuration.)
 */
@Component(immediate = true)
public final class ConfigFolder {

    static final String FILEINSTALL_FACTORY = "org.apache.felix.fileinstall";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFolder.class);

    @Activate
    public ConfigFolder(BundleContext context, @Reference ConfigurationAdmin configAdmin)
            throws IOException, InvalidSyntaxException {
        String data = context.getProperty("loumen.data");
        if (data == null) {
            return; // not launched by loumen.jar (e.g. in-framework tests): no data folder
        }
        String dir = Path.of(data, "conf").toString();
        String filter = "(&(service.factoryPid=" + FILEINSTALL_FACTORY + ")(felix.fileinstall.dir="
                + escape(dir) + "))";
        if (configAdmin.listConfigurations(filter) != null) {
            return;
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("felix.fileinstall.dir", dir);
        props.put("felix.fileinstall.filter", ".*\\.(cfg|config)");
        props.put("felix.fileinstall.poll", "1000");
        props.put("felix.fileinstall.noInitialDelay", "true");
        // the files are the operator's: never write changes made elsewhere back into them
        props.put("felix.fileinstall.enableConfigSave", "false");
        Configuration watcher = configAdmin.createFactoryConfiguration(FILEINSTALL_FACTORY, "?");
        watcher.update(props);
        LOG.info("Configuration folder (配置目录): {}", dir);
    }

    /** Escapes an LDAP filter value. */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')' || c == '*') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
