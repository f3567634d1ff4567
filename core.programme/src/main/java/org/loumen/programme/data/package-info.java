/**
 * Personal data for programmes (项目可读取的个人信息), exactly as declared and no more.
 *
 * <p>A programme declares what it reads in {@link org.loumen.programme.Programme#routes} with
 * {@code routes.reads(PersonalData.LEADER_NAMES, ...)}; a street admin sees these declarations on the programmes page
 * before enabling it. A handler then reads through {@link org.loumen.programme.ProgrammeRequest#data()}, which applies
 * the <em>caller's</em> scope (a secretary sees their communities only), leaves undeclared fields empty
 * ({@code null}), answers an undeclared kind with {@link UndeclaredReadException}, and records each read in the
 * audit log under the programme's id ({@code programme.<id>.read}).
 */
@Export
@Version("1.0.0")
package org.loumen.programme.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
