package org.initlab.study;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every event of a study's progress reaches every listener: a new event cannot be forgotten here. */
class CombinedProgressTest {
    @Test
    void everyEventReachesEveryListenerInOrder() throws Exception {
        for (Method m : StudyProgress.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) continue;
            List<String> heard = new ArrayList<>();
            StudyProgress first = listener("first", heard), second = listener("second", heard);
            Object[] args = new Object[m.getParameterCount()];
            Class<?>[] types = m.getParameterTypes();
            for (int i = 0; i < args.length; i++) args[i] = types[i] == int.class ? 0 : types[i] == double.class ? 0.0 : types[i] == boolean.class ? false : null;
            m.invoke(new CombinedProgress(first, second), args);
            assertEquals(List.of("first " + m.getName(), "second " + m.getName()), heard, m.getName() + " is not passed on");
        }
    }

    private static StudyProgress listener(String name, List<String> heard) {
        return (StudyProgress) Proxy.newProxyInstance(StudyProgress.class.getClassLoader(), new Class<?>[] {StudyProgress.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) return method.getName().equals("hashCode") ? 0 : method.getName().equals("equals") ? false : name;
                    heard.add(name + " " + method.getName());
                    return null;
                });
    }
}
